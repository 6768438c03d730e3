// Placeholder parser grammar (replaced by the real one).
parser grammar JanusParser;
options { tokenVocab = JanusLexer; }
file_input : (NEWLINE | NAME)* EOF ;
