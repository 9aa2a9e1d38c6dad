/*
 * Grammar of the nnc IR text: the generic form the printer writes, e.g.
 *   %c = "onnx.Conv"(%x, %w) <{group = 1}> : (tensor<1x1x28x28xf32>, tensor<8x1x5x5xf32>) -> tensor<1x8x28x28xf32> loc("conv")
 * followed by an optional resource section holding the bytes of large constants.
 */
parser grammar NncIrParser;

options { tokenVocab = NncIrLexer; }

file : operation resourceSection? EOF ;

operation
    : resultNames? STRING LPAREN valueList? RPAREN properties? regionList? attrDict? COLON functionType location?
    ;

resultNames : valueList EQUALS ;
valueList : VALUE_ID (COMMA VALUE_ID)* ;

properties : LANGLE LBRACE attrEntries? RBRACE RANGLE ;
attrDict : LBRACE attrEntries? RBRACE ;
attrEntries : attrEntry (COMMA attrEntry)* ;
attrEntry : key EQUALS attrValue ;

key : BARE_ID | STRING | ELEMENT_TYPE | NONE | UNIT | LOC | TRUE | FALSE | NAN | INF ;

regionList : LPAREN region (COMMA region)* RPAREN ;
region : LBRACE entryBlock? labeledBlock* RBRACE ;
entryBlock : operation+ ;
labeledBlock : BLOCK_ID blockArgs? COLON operation* ;
blockArgs : LPAREN (blockArg (COMMA blockArg)*)? RPAREN ;
blockArg : VALUE_ID COLON type ;

functionType : LPAREN typeList? RPAREN ARROW resultTypes ;
resultTypes : type | LPAREN typeList? RPAREN ;
typeList : type (COMMA type)* ;

location : LOC LPAREN STRING RPAREN ;

type : tensorType | seqType | optType | streamType | NONE | ELEMENT_TYPE ;
seqType : SEQ_OPEN type RANGLE ;
optType : OPT_OPEN type RANGLE ;
streamType : STREAM_OPEN T_DIM T_X T_ELEMENT_TYPE T_CLOSE ;
tensorType : TENSOR_OPEN shape? T_ELEMENT_TYPE T_CLOSE ;
shape : T_STAR T_X | (dim T_X)+ ;
dim : T_DIM | T_QUESTION T_STRING? ;

attrValue
    : INT                                                                    # intValue
    | (FLOAT | NAN | INF)                                                    # floatValue
    | STRING                                                                 # stringValue
    | LBRACKET (attrValue (COMMA attrValue)*)? RBRACKET                      # arrayValue
    | UNIT                                                                   # unitValue
    | type                                                                   # typeValue
    | DENSE_OPEN LBRACKET (denseElement (COMMA denseElement)*)? RBRACKET RANGLE COLON tensorType  # denseValue
    | DENSE_RESOURCE_OPEN resourceKey RANGLE COLON tensorType                # resourceValue
    ;

denseElement : INT | FLOAT | NAN | INF | STRING | TRUE | FALSE ;

resourceKey : key ;

resourceSection : RESOURCES_OPEN BARE_ID COLON LBRACE (resourceDialect (COMMA resourceDialect)*)? RBRACE RESOURCES_CLOSE ;
resourceDialect : BARE_ID COLON LBRACE (resourceEntry (COMMA resourceEntry)*)? RBRACE ;
resourceEntry : resourceKey COLON STRING ;
