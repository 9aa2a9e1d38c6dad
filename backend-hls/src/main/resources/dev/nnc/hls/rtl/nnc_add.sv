// nnc_add: element-wise sum of two streams (docs/hardware.md §2, kernel.add; the residual join).
// Beat i of in0 and beat i of in1 (SIMD lanes each) give beat i of out: per lane
//   y = nnc_requant((a << A_SH) + (b << B_SH), 1, SHIFT)
// i.e. the exact sum aligned to F = max(F_a, F_b) (A_SH = F - F_a, B_SH = F - F_b), then ONE
// cast to the output type (SHIFT = F - F_out, rounding/overflow by RND_CONV/SAT).
//
// Cycle behaviour. Each input has its own 2-entry queue, in0_ready = its count < 2 and
// in1_ready likewise, so either input may arrive first and is taken independently (no
// deadlock: the join needs only both heads). In a cycle where both input queues are non-empty
// and the 2-entry output queue has room (count < 2), both heads are popped and the sum is pushed.
// out_valid = output count > 0. Latency: beats taken at edge t are summed at edge t+1 and offered
// from t+2; with both inputs valid and out_ready high one beat per cycle.
module nnc_add #(
    parameter int SIMD = 1,
    parameter int A_W = 8,
    parameter bit A_SIGNED = 1'b1,
    parameter int A_SH = 0,
    parameter int B_W = 8,
    parameter bit B_SIGNED = 1'b1,
    parameter int B_SH = 0,
    parameter int ACC_W = 10,
    parameter int SHIFT = 0,
    parameter int SH_W = 8,
    parameter int LSH = 0,
    parameter int OUT_W = 8,
    parameter bit OUT_SIGNED = 1'b1,
    parameter bit RND_CONV = 1'b1,
    parameter bit SAT = 1'b1
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  in0_valid,
    output logic                  in0_ready,
    input  logic [SIMD*A_W-1:0]   in0_data,
    input  logic                  in1_valid,
    output logic                  in1_ready,
    input  logic [SIMD*B_W-1:0]   in1_data,
    output logic                  out_valid,
    input  logic                  out_ready,
    output logic [SIMD*OUT_W-1:0] out_data
);
    logic a_valid, b_valid, room;
    logic [SIMD*A_W-1:0] a;
    logic [SIMD*B_W-1:0] b;
    logic [SIMD*OUT_W-1:0] result;

    wire step = a_valid && b_valid && room;

    nnc_outq #(.WIDTH(SIMD * A_W)) u_a (
        .clk(clk), .rst(rst), .push(in0_valid && in0_ready), .push_data(in0_data), .pop(step),
        .room(in0_ready), .valid(a_valid), .data(a));
    nnc_outq #(.WIDTH(SIMD * B_W)) u_b (
        .clk(clk), .rst(rst), .push(in1_valid && in1_ready), .push_data(in1_data), .pop(step),
        .room(in1_ready), .valid(b_valid), .data(b));

    for (genvar s = 0; s < SIMD; s++) begin : g_lane
        logic signed [ACC_W-1:0] av, bv;
        assign av = A_SIGNED ? ACC_W'($signed(a[s*A_W +: A_W])) : ACC_W'(a[s*A_W +: A_W]);
        assign bv = B_SIGNED ? ACC_W'($signed(b[s*B_W +: B_W])) : ACC_W'(b[s*B_W +: B_W]);
        nnc_requant #(.ACC_W(ACC_W), .M_W(1), .SH_W(SH_W), .LSH(LSH), .OUT_W(OUT_W),
                      .OUT_SIGNED(OUT_SIGNED), .RND_CONV(RND_CONV), .SAT(SAT))
            u_rq (.acc((av <<< A_SH) + (bv <<< B_SH)), .mult(1'b1), .shift(SH_W'(SHIFT)),
                  .y(result[s*OUT_W +: OUT_W]));
    end

    nnc_outq #(.WIDTH(SIMD * OUT_W)) u_q (
        .clk(clk), .rst(rst), .push(step), .push_data(result), .pop(out_valid && out_ready),
        .room(room), .valid(out_valid), .data(out_data));
endmodule
