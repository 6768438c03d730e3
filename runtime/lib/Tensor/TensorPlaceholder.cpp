// Placeholder: replaced as the tensor core is written.
