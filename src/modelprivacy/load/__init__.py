"""Reading model and data files: the only place in modelprivacy that opens files."""
