"""Turn a folder of news reports into a geographic situation map."""
