// Placeholder: replaced as the value model is written.
