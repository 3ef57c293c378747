"""The built-in models: procedural training data (scenes.py) and, later, the trained weights."""
