// Placeholder (being written).
