"""The pages generated from the site model. Imports site/ and below."""
