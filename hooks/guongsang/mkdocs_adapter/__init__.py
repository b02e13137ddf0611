"""The only code that imports MkDocs: the build events, the frame shared by generated pages, serving.
Imports anything of the package."""
