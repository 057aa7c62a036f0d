"""Who speaks: the persons of the programme, their biographies and sessions."""
