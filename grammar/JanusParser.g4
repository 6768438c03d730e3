// JanusParser.g4 - The syntax of Janus Python.
//
// The grammar accepts (a little more than) the statements and expressions of
// Python 3 that people write, with CPython's operator precedence:
//   lambda < if-else < or < and < not < comparisons < | < ^ < & < << >>
//   < + - < * / // % @ < unary + - ~ < ** < await / primary.
// It deliberately parses constructs that Janus does not support (try, yield,
// decorators, *args, walrus, set literals, bitwise operators, annotations,
// ...) so that ASTBuilder can reject each one with a message that names it
// and says what to write instead, rather than a bare "invalid syntax".
//
// Each precedence level is its own rule with a loop (no left recursion), so
// the parse tree of `a + b + c` is flat and ASTBuilder folds it; only prefix
// operators, `**`, `if-else`, `lambda` and brackets nest. Token streams come
// from IndentingTokenSource, which provides NEWLINE/INDENT/DEDENT.

parser grammar JanusParser;

options { tokenVocab = JanusLexer; }

//===----------------------------------------------------------------------===//
// Entry points.
//===----------------------------------------------------------------------===//

file_input : (NEWLINE | stmt)* EOF;

// The expression of an f-string replacement field (parsed on its own text).
fstring_expr : testlist_star_expr EOF;

//===----------------------------------------------------------------------===//
// Statements.
//===----------------------------------------------------------------------===//

stmt : simple_stmts | compound_stmt;

simple_stmts : simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE;

simple_stmt
  : expr_stmt
  | del_stmt
  | pass_stmt
  | break_stmt
  | continue_stmt
  | return_stmt
  | raise_stmt
  | global_stmt
  | nonlocal_stmt
  | assert_stmt
  | yield_stmt
  | import_name
  | import_from
  ;

// `x = y = v`, `x += v`, `x: T = v` and bare expressions.
expr_stmt
  : testlist_star_expr
    ( annassign
    | augassign (yield_expr | testlist)
    | (EQUAL (yield_expr | testlist_star_expr))*
    )
  ;

annassign : COLON test (EQUAL (yield_expr | testlist_star_expr))?;

augassign
  : PLUSEQUAL | MINEQUAL | STAREQUAL | SLASHEQUAL | DOUBLESLASHEQUAL
  | PERCENTEQUAL | DOUBLESTAREQUAL | ATEQUAL
  | AMPEREQUAL | VBAREQUAL | CIRCUMFLEXEQUAL | LEFTSHIFTEQUAL
  | RIGHTSHIFTEQUAL
  ;

del_stmt      : DEL exprlist;
pass_stmt     : PASS;
break_stmt    : BREAK;
continue_stmt : CONTINUE;
return_stmt   : RETURN testlist_star_expr?;
raise_stmt    : RAISE (test (FROM test)?)?;
global_stmt   : GLOBAL NAME (COMMA NAME)*;
nonlocal_stmt : NONLOCAL NAME (COMMA NAME)*;
assert_stmt   : ASSERT test (COMMA test)?;
yield_stmt    : yield_expr;

import_name     : IMPORT dotted_as_name (COMMA dotted_as_name)*;
dotted_as_name  : dotted_name (AS NAME)?;
dotted_name     : NAME (DOT NAME)*;
import_from
  : FROM (DOT | ELLIPSIS)* dotted_name IMPORT import_targets
  | FROM (DOT | ELLIPSIS)+ IMPORT import_targets
  ;
import_targets
  : STAR
  | LPAREN import_as_name (COMMA import_as_name)* COMMA? RPAREN
  | import_as_name (COMMA import_as_name)*
  ;
import_as_name : NAME (AS NAME)?;

compound_stmt
  : if_stmt
  | while_stmt
  | for_stmt
  | try_stmt
  | with_stmt
  | funcdef
  | classdef
  | decorated
  | async_stmt
  ;

if_stmt
  : IF namedexpr_test COLON block
    (elif_clause)*
    (ELSE COLON block)?
  ;
elif_clause : ELIF namedexpr_test COLON block;

while_stmt : WHILE namedexpr_test COLON block (ELSE COLON block)?;

for_stmt : FOR exprlist IN testlist COLON block (ELSE COLON block)?;

try_stmt
  : TRY COLON block
    ( (except_clause COLON block)+ (ELSE COLON block)? (FINALLY COLON block)?
    | FINALLY COLON block
    )
  ;
except_clause : EXCEPT STAR? (test (AS NAME)?)?;

with_stmt : WITH with_item (COMMA with_item)* COLON block;
with_item : test (AS expr)?;

funcdef : DEF NAME LPAREN paramlist? RPAREN (ARROW test)? COLON block;

// Parameters of `def` (which may carry annotations) and of `lambda`. The
// grammar allows any order; ASTBuilder checks it and rejects what Janus lacks
// (`/`, `*args`, `**kwargs`, annotations).
paramlist : param (COMMA param)* COMMA?;
param
  : NAME (COLON test)? (EQUAL test)?
  | STAR (NAME (COLON test)?)?
  | POWER NAME (COLON test)?
  | SLASH
  ;
lambda_paramlist : lambda_param (COMMA lambda_param)* COMMA?;
lambda_param
  : NAME (EQUAL test)?
  | STAR NAME?
  | POWER NAME
  | SLASH
  ;

classdef : CLASS NAME (LPAREN arglist? RPAREN)? COLON block;

decorated : decorator+ (classdef | funcdef | async_stmt);
decorator : AT namedexpr_test NEWLINE;

async_stmt : ASYNC (funcdef | with_stmt | for_stmt);

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT;

//===----------------------------------------------------------------------===//
// Expressions, from lowest to highest precedence.
//===----------------------------------------------------------------------===//

namedexpr_test : test (WALRUS test)?;

test
  : or_test (IF or_test ELSE test)?
  | lambdef
  ;

lambdef : LAMBDA lambda_paramlist? COLON test;

or_test  : and_test (OR and_test)*;
and_test : not_test (AND not_test)*;
not_test : NOT not_test | comparison;

comparison : expr (comp_op expr)*;
comp_op
  : LESS | GREATER | EQEQUAL | GREATEREQUAL | LESSEQUAL | NOTEQUAL
  | IN | NOT IN | IS | IS NOT
  ;

star_expr : STAR expr;

expr       : xor_expr (VBAR xor_expr)*;
xor_expr   : and_expr (CIRCUMFLEX and_expr)*;
and_expr   : shift_expr (AMPER shift_expr)*;
shift_expr : arith_expr ((LSHIFT | RSHIFT) arith_expr)*;
arith_expr : term ((PLUS | MINUS) term)*;
term       : factor ((STAR | SLASH | PERCENT | FLOORDIV | AT) factor)*;
factor     : (PLUS | MINUS | TILDE) factor | power;
power      : atom_expr (POWER factor)?;
atom_expr  : AWAIT? atom trailer*;

atom
  : LPAREN (yield_expr | testlist_comp)? RPAREN   # parenAtom
  | LBRACK testlist_comp? RBRACK                  # listAtom
  | LBRACE dictorsetmaker? RBRACE                 # dictAtom
  | NAME                                          # nameAtom
  | (DECIMAL_INTEGER | HEX_INTEGER | OCT_INTEGER | BIN_INTEGER) # intAtom
  | FLOAT_NUMBER                                  # floatAtom
  | IMAG_NUMBER                                   # imagAtom
  | STRING+                                       # stringAtom
  | ELLIPSIS                                      # ellipsisAtom
  | NONE                                          # noneAtom
  | TRUE                                          # trueAtom
  | FALSE                                         # falseAtom
  ;

// Inside () and []: one element with a comprehension, or a list of elements.
testlist_comp
  : (namedexpr_test | star_expr)
    ( comp_for
    | (COMMA (namedexpr_test | star_expr))* COMMA?
    )
  ;

trailer
  : LPAREN arglist? RPAREN     # callTrailer
  | LBRACK subscriptlist RBRACK # subscriptTrailer
  | DOT NAME                   # attributeTrailer
  ;

// Left-factored (a test, then maybe colons) so that the parser decides
// with one token of lookahead instead of scanning the whole index first.
subscriptlist : subscript (COMMA subscript)* COMMA?;
subscript
  : test (COLON test? (COLON test?)?)?   # testSubscript
  | COLON test? (COLON test?)?          # sliceSubscript
  | star_expr                           # starSubscript
  ;

exprlist : (expr | star_expr) (COMMA (expr | star_expr))* COMMA?;
testlist : test (COMMA test)* COMMA?;
testlist_star_expr : (test | star_expr) (COMMA (test | star_expr))* COMMA?;

// Dict displays, dict comprehensions, and the set forms ASTBuilder rejects.
// Whether a display is a dict or a set is decided by ASTBuilder from its
// items, which keeps the grammar LL(1) here.
dictorsetmaker
  : dict_or_set_item (comp_for | (COMMA dict_or_set_item)* COMMA?)
  ;
dict_or_set_item
  : test (COLON test)?
  | POWER expr
  | star_expr
  ;

// `name=value` is parsed as `test EQUAL test` (ASTBuilder checks that the
// left side is a name) so that one token after the first test decides.
arglist : argument (COMMA argument)* COMMA?;
argument
  : test (comp_for | EQUAL test | WALRUS test)?
  | STAR test
  | POWER test
  ;

comp_for : ASYNC? FOR exprlist IN or_test comp_iter*;
comp_iter : comp_for_clause | comp_if;
comp_for_clause : ASYNC? FOR exprlist IN or_test;
comp_if : IF or_test;

yield_expr : YIELD (FROM test | testlist_star_expr)?;
