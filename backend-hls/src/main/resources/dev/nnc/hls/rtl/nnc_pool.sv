// nnc_pool: max or average over windows (docs/hardware.md §2, kernel.pool). Each output vector
// of C channels is computed from KK*C/SIMD input beats in (k, c-fold) order: beat k*CF + cf holds
// channels cf*SIMD+s of window element k in lane s (CF = C/SIMD). It is emitted as CF beats
// (channel cf*SIMD+s in lane s), cf = 0 first. Vectors follow each other with no frame boundary.
//
// Arithmetic per channel: MAX: m = max of the KK raws; AVG: m = exact sum of the KK raws
// (ACC_W bits). Then y = nnc_requant(m, MULT, SHIFT) to OUT_W bits: for AVG the averaging scale,
// for MAX a cast to the output type (MULT = 1, SHIFT = F_in - F_out; identity for equal types).
//
// Cycle behaviour. Registered counters (k, cf); at most one input beat per cycle:
//   in_ready = (k != KK-1) || room of the 2-entry output queue (count < 2).
//   A beat with k < KK-1 updates the running max/sum of its channels in a CF-word buffer; the
//   beat with k == KK-1 pushes requant(running value op beat) into the queue.
//   out_valid = count > 0; a beat pushed at edge t is offered from t+1.
// So with in_valid and out_ready always high an output vector takes KK*CF cycles, and its beat cf
// is offered one cycle after the input beat (KK-1, cf) was taken.
module nnc_pool #(
    parameter int C = 4,
    parameter int SIMD = 1,
    parameter int KK = 4,
    parameter bit AVG = 1'b0,
    parameter int IN_W = 8,
    parameter bit IN_SIGNED = 1'b1,
    parameter int ACC_W = 12,
    parameter int MULT = 1,
    parameter int SHIFT = 0,
    parameter int M_W = 1,
    parameter int SH_W = 8,
    parameter int LSH = 0,
    parameter int OUT_W = 8,
    parameter bit OUT_SIGNED = 1'b1,
    parameter bit RND_CONV = 1'b1,
    parameter bit SAT = 1'b1
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  in_valid,
    output logic                  in_ready,
    input  logic [SIMD*IN_W-1:0]  in_data,
    output logic                  out_valid,
    input  logic                  out_ready,
    output logic [SIMD*OUT_W-1:0] out_data
);
    localparam int CF = C / SIMD;
    localparam int CFW = CF > 1 ? $clog2(CF) : 1;
    localparam int KW = KK > 1 ? $clog2(KK) : 1;

    logic [KW-1:0]  k;
    logic [CFW-1:0] cf;
    logic           room;
    logic [SIMD*ACC_W-1:0] running [CF];
    logic [SIMD*ACC_W-1:0] next;
    logic [SIMD*OUT_W-1:0] result;

    wire last_k = k == KW'(KK - 1);
    wire last_cf = cf == CFW'(CF - 1);
    assign in_ready = !last_k || room;
    wire step = in_valid && in_ready;
    wire push = step && last_k;
    wire pop = out_valid && out_ready;

    for (genvar s = 0; s < SIMD; s++) begin : g_lane
        logic signed [ACC_W-1:0] xv, prev;
        assign xv = IN_SIGNED ? ACC_W'($signed(in_data[s*IN_W +: IN_W])) : ACC_W'(in_data[s*IN_W +: IN_W]);
        assign prev = running[cf][s*ACC_W +: ACC_W];
        always_comb begin
            if (k == '0) begin
                next[s*ACC_W +: ACC_W] = xv;
            end else if (AVG) begin
                next[s*ACC_W +: ACC_W] = prev + xv;
            end else begin
                next[s*ACC_W +: ACC_W] = prev > xv ? prev : xv;
            end
        end
        nnc_requant #(.ACC_W(ACC_W), .M_W(M_W), .SH_W(SH_W), .LSH(LSH), .OUT_W(OUT_W),
                      .OUT_SIGNED(OUT_SIGNED), .RND_CONV(RND_CONV), .SAT(SAT))
            u_rq (.acc($signed(next[s*ACC_W +: ACC_W])), .mult(M_W'(MULT)), .shift(SH_W'(SHIFT)),
                  .y(result[s*OUT_W +: OUT_W]));
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            k <= '0;
            cf <= '0;
        end else if (step) begin
            cf <= last_cf ? '0 : cf + CFW'(1);
            if (last_cf) begin
                k <= last_k ? '0 : k + KW'(1);
            end
        end
    end

    always_ff @(posedge clk) begin
        if (step && !last_k) begin
            running[cf] <= next;
        end
    end

    nnc_outq #(.WIDTH(SIMD * OUT_W)) u_q (
        .clk(clk), .rst(rst), .push(push), .push_data(result), .pop(pop),
        .room(room), .valid(out_valid), .data(out_data));
endmodule
