// nnc_requant: the output stage shared by every arithmetic primitive (nnc_mvau, nnc_pool,
// nnc_add, nnc_softmax). Purely combinational; the parent registers the result (Moore rule).
//
//   y = overflow(round(acc * mult * 2^(-shift)))         on raw integers, ONE rounding
//
// bit-exact with dev.nnc.ir.fixed.Requantizer (docs/fixed-point.md, "Requantisation"):
// - acc: ACC_W-bit two's complement (a parent with an unsigned accumulator zero-extends it by
//   one bit); mult: M_W-bit unsigned (M >= 1); shift: SH_W-bit two's complement.
// - shift > 0: rounding right shift of the exact product. RND_CONV = 1: nearest, ties to even
//   (AP_RND_CONV); RND_CONV = 0: truncate toward -inf (AP_TRN). A shift beyond the product's
//   width behaves as a shift by exactly that width (same result, see Requantizer).
// - shift <= 0: exact left shift by -shift; must not exceed LSH (the parent's config checks).
// - overflow to OUT_W bits, signed if OUT_SIGNED: SAT = 1 clamps to [min, max] (AP_SAT),
//   SAT = 0 keeps the low OUT_W bits (AP_WRAP).
module nnc_requant #(
    parameter int ACC_W = 32,
    parameter int M_W = 31,
    parameter int SH_W = 8,
    parameter int LSH = 0,
    parameter int OUT_W = 8,
    parameter bit OUT_SIGNED = 1'b1,
    parameter bit RND_CONV = 1'b1,
    parameter bit SAT = 1'b1
) (
    input  logic signed [ACC_W-1:0] acc,
    input  logic        [M_W-1:0]   mult,
    input  logic signed [SH_W-1:0]  shift,
    output logic        [OUT_W-1:0] y
);
    // exact product of signed ACC_W and unsigned M_W bits
    localparam int P = ACC_W + M_W + 1;
    // room for the rounded quotient (+1), left shifts and the output range
    localparam int E0 = P + LSH + 1;
    localparam int E = E0 > OUT_W + 1 ? E0 : OUT_W + 1;
    localparam int SW = $clog2((P > LSH ? P : LSH) + 1) + 1;
    localparam logic signed [E-1:0] ONE = E'(1);
    localparam logic signed [E-1:0] MAXV = OUT_SIGNED ? (ONE <<< (OUT_W - 1)) - ONE : (ONE <<< OUT_W) - ONE;
    localparam logic signed [E-1:0] MINV = OUT_SIGNED ? -(ONE <<< (OUT_W - 1)) : '0;

    logic signed [P-1:0] prod;
    logic        [SW-1:0] rs;      // right shift amount, 1..P
    logic        [SW-1:0] ls;      // left shift amount, 0..LSH
    logic signed [P-1:0] quot;
    logic        [P-1:0] rem, half;
    logic                up;
    logic signed [E-1:0] rounded;

    assign prod = acc * $signed({1'b0, mult});

    always_comb begin
        rs = '0;
        ls = '0;
        if (shift > 0) begin
            rs = (SH_W + SW)'(shift) > (SH_W + SW)'(P) ? SW'(P) : SW'(shift);
        end else begin
            ls = SW'(-shift);
        end
    end

    assign quot = prod >>> rs;
    assign rem  = prod & ~({P{1'b1}} << rs);
    assign half = (rs == '0) ? '0 : ({{(P - 1){1'b0}}, 1'b1} << (rs - SW'(1)));
    assign up   = RND_CONV && rs != '0 && (rem > half || (rem == half && quot[0]));

    always_comb begin
        if (rs != '0) begin
            rounded = E'(quot) + (up ? ONE : '0);
        end else begin
            rounded = E'(prod) <<< ls;
        end
    end

    always_comb begin
        if (SAT && rounded > MAXV) begin
            y = MAXV[OUT_W-1:0];
        end else if (SAT && rounded < MINV) begin
            y = MINV[OUT_W-1:0];
        end else begin
            y = rounded[OUT_W-1:0];
        end
    end
endmodule
