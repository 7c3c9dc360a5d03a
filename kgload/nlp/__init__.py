"""Language processing: the spaCy pipeline, its components and the recognisers they share."""
