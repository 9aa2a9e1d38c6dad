// nnc_lut_index: the index of a lookup table, exactly dev.nnc.ir.fixed.LookupTable.index:
//   idx = clamp((x - LO) >>> SH, 0, 2^AW - 1)
// x: IN_W-bit raw (two's complement if IN_SIGNED, else unsigned); LO: the table start lo in
// raws of x's type (lo * 2^F); SH = F + log2(bin width) >= 0, an arithmetic (floor) shift.
// XW: the signed width of x - LO (the config computes it so nothing overflows).
// Purely combinational; the parent registers the memory read.
module nnc_lut_index #(
    parameter int IN_W = 8,
    parameter bit IN_SIGNED = 1'b1,
    parameter int XW = 10,
    parameter longint LO = 0,
    parameter int SH = 0,
    parameter int AW = 10
) (
    input  logic [IN_W-1:0] x,
    output logic [AW-1:0] idx
);
    localparam logic signed [XW-1:0] LOX = XW'(LO);
    localparam logic signed [XW-1:0] LAST = XW'((64'd1 << AW) - 64'd1);
    logic signed [XW-1:0] xe, q;

    generate
        if (IN_SIGNED) begin : g_signed
            assign xe = XW'($signed(x));
        end else begin : g_unsigned
            assign xe = XW'(x);
        end
    endgenerate

    assign q = (xe - LOX) >>> SH;
    assign idx = q < 0 ? '0 : q > LAST ? LAST[AW-1:0] : q[AW-1:0];
endmodule
