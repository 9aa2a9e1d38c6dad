/*
 * Tokens of the nnc IR text (MLIR-like generic form). Tensor types switch to their own mode after
 * 'tensor<' so that '1x3xf32' splits into dimensions, 'x' separators and the element type; stream
 * types ('!hw.stream<4xfixed<8,3>>') reuse that mode for their lane count.
 */
lexer grammar NncIrLexer;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;

RESOURCES_OPEN : '{-#' ;
RESOURCES_CLOSE : '#-}' ;
TENSOR_OPEN : 'tensor<' -> pushMode(TENSOR) ;
DENSE_OPEN : 'dense<' ;
SEQ_OPEN : '!onnx.Seq<' ;
OPT_OPEN : '!onnx.Opt<' ;
// a stream's lane count and element type split like a tensor's dims: '4xfixed<8,3>'
STREAM_OPEN : '!hw.stream<' -> pushMode(TENSOR) ;
DENSE_RESOURCE_OPEN : 'dense_resource<' ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LANGLE : '<' ;
RANGLE : '>' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA : ',' ;
EQUALS : '=' ;
COLON : ':' ;
ARROW : '->' ;

NONE : 'none' ;
UNIT : 'unit' ;
LOC : 'loc' ;
TRUE : 'true' ;
FALSE : 'false' ;
NAN : 'nan' ;
INF : '-'? 'inf' ;
ELEMENT_TYPE : ELEM ;

FLOAT : '-'? DIGITS '.' DIGITS? EXPONENT? | '-'? DIGITS EXPONENT ;
INT : '-'? DIGITS ;
STRING : '"' ( '\\' . | ~["\\] )* '"' ;
VALUE_ID : '%' NAME_CHAR+ ;
BLOCK_ID : '^' NAME_CHAR+ ;
BARE_ID : [A-Za-z_] [A-Za-z0-9_$.]* ;

ERROR_CHAR : . ;

fragment DIGITS : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
fragment NAME_CHAR : [A-Za-z0-9_$.\-] ;
fragment ELEM : ( 'f' | 'bf' | 'i' | 'u' ) DIGITS | 'f' DIGITS 'E' DIGITS 'M' DIGITS [A-Z]* | 'str' | 'u'? 'fixed<' '-'? DIGITS ',' '-'? DIGITS '>' ;

mode TENSOR;
T_WS : [ \t\r\n]+ -> skip ;
T_CLOSE : '>' -> popMode ;
T_DIM : DIGITS ;
T_X : 'x' ;
T_QUESTION : '?' ;
T_STAR : '*' ;
T_STRING : '"' ( '\\' . | ~["\\] )* '"' ;
T_ELEMENT_TYPE : ELEM ;
T_ERROR_CHAR : . ;
