"""The programme: its model, the loader and schema, changes between versions, reload."""
