"""Care: noticing when someone may not be safe, and the help offered then."""
