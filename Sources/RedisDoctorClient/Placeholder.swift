// Placeholder so the package resolves: the connection layer lives on another branch.
