"""All SQL lives here; the pipeline and the API call these functions."""
