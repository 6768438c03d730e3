// Placeholder lexer grammar (replaced by the real one).
lexer grammar JanusLexer;
tokens { INDENT, DEDENT }
NEWLINE : '\r'? '\n' ;
NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;
WS : [ \t]+ -> skip ;
