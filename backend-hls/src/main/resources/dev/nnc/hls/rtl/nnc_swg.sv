// nnc_swg: sliding window generator (im2col as a stream), docs/hardware.md §2/§3.
//
// Input: one frame [IN_H, IN_W, C] as IN_H*IN_W*CF beats (CF = C/SIMD), order h, w, c-fold;
// each beat SIMD channels, lane i at bits [i*ELEM_W +: ELEM_W].
// Output: for each (oh, ow), for ky, kx, c-fold, one beat of the SIMD channels at input
// (oh*STRIDE_H - PAD_T + ky*DIL_H, ow*STRIDE_W - PAD_L + kx*DIL_W), all-zero outside the input.
//
// Design: a ring of ROWS input rows (a power of two, at least one window's rows plus one
// stride; ROWS*IN_W*CF words of SIMD*ELEM_W bits, one write port, one registered read port).
// Rows are counted across frames (wg = the row being written, GW-bit wrapping counter); row g
// lives in slot g mod ROWS. The read side's frame starts at row fbase; it needs rows
// lo = fbase + max(0, ih_base) .. top = fbase + min(IN_H-1, ih_base + (K_H-1)*DIL_H).
//
// Exact cycle behaviour (cycle = rising edge; a transfer fires where valid & ready):
// - in_ready  = wg - lo < ROWS (signed): the row written never overwrites a needed row
//   (registers only)
// - out_valid, out_data: the head of the 2-entry output queue nnc_outq (registers only)
// - a read step issues in a cycle where wg - top > 0 (the window row's input rows are written)
//   and count + rd_valid - pop < 2 (count = queue entries, pop = out_valid & out_ready this
//   cycle); the memory word (or zero when padding) is registered at that edge (rd_valid), and
//   pushed into the queue at the next edge; the issue rule guarantees the queue has room then.
// - with in_valid and out_ready always high (input beat j in cycle j): output row oh starts
//   reading at max(previous row start + its beats, cycle (top+1)*IN_W*CF), one read per cycle,
//   a read in cycle t is output in cycle t+2; SwgConfig.latency() is this formula. The writer
//   only waits for the reader when the reader has every row it needs.
// - back to back frames stream through the ring: initiation interval max(IN, OUT) cycles per
//   frame in steady state (IN = IN_H*IN_W*CF input beats, OUT = OUT_H*OUT_W*K_H*K_W*CF output
//   beats).
module nnc_swg #(
    parameter int ELEM_W = 8,
    parameter int SIMD = 1,
    parameter int IN_H = 4,
    parameter int IN_W = 4,
    parameter int CF = 1,
    parameter int K_H = 3,
    parameter int K_W = 3,
    parameter int STRIDE_H = 1,
    parameter int STRIDE_W = 1,
    parameter int PAD_T = 1,
    parameter int PAD_L = 1,
    parameter int DIL_H = 1,
    parameter int DIL_W = 1,
    parameter int OUT_H = 4,
    parameter int OUT_W = 4,
    parameter int ROWS = 4
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    output logic in_ready,
    input  logic [SIMD*ELEM_W-1:0] in_data,
    output logic out_valid,
    input  logic out_ready,
    output logic [SIMD*ELEM_W-1:0] out_data
);
    localparam int BW = SIMD * ELEM_W;
    localparam int ROW = IN_W * CF;
    localparam int DEPTH = ROWS * ROW;
    localparam int AW = DEPTH > 1 ? $clog2(DEPTH) : 1;
    localparam int SW = ROWS > 1 ? $clog2(ROWS) : 1;
    // Signed coordinate width: covers -PAD .. the farthest window position, with a sign bit.
    localparam int CW = $clog2(IN_H + IN_W + PAD_T + PAD_L + OUT_H * STRIDE_H + OUT_W * STRIDE_W
                               + K_H * DIL_H + K_W * DIL_W + 1) + 2;
    // Row counters: differences up to a frame and a ring apart, with a sign bit.
    localparam int GW = CW + SW + 1;
    localparam int OHW = $clog2(OUT_H + 1);
    localparam int OWW = $clog2(OUT_W + 1);
    localparam int KYW = $clog2(K_H + 1);
    localparam int KXW = $clog2(K_W + 1);
    localparam int RCW = $clog2(ROW + 1);
    localparam int CFW = $clog2(CF + 1);

    logic [BW-1:0] mem [DEPTH];

    // Write side: row wg (counted across frames), beat wcol of it.
    logic [GW-1:0] wg;
    logic [RCW-1:0] wcol;
    wire in_fire = in_valid && in_ready;

    // Read side: the frame's first row, window counters and the input coordinates they address.
    logic [GW-1:0] fbase;
    logic [OHW-1:0] oh;
    logic [OWW-1:0] ow;
    logic [KYW-1:0] ky;
    logic [KXW-1:0] kx;
    logic [CFW-1:0] cf;
    logic signed [CW-1:0] ih_base, iw_base, ih, iw;

    // Memory read stage and output queue (nnc_outq: 2 entries, registered outputs).
    logic rd_valid, rd_pad;
    logic [BW-1:0] rdata;
    logic room;
    wire pop = out_valid && out_ready;
    wire [1:0] count = !room ? 2'd2 : out_valid ? 2'd1 : 2'd0;

    wire [2:0] pending = {1'b0, count} + {2'b0, rd_valid} - {2'b0, pop};
    wire last_cf = cf == CFW'(CF - 1);
    wire last_kx = kx == KXW'(K_W - 1);
    wire last_ky = ky == KYW'(K_H - 1);
    wire last_ow = ow == OWW'(OUT_W - 1);
    wire last_oh = oh == OHW'(OUT_H - 1);
    // The rows the current window row needs, and the lowest row still needed.
    wire signed [CW-1:0] top_rel = ih_base + CW'((K_H - 1) * DIL_H) < CW'(IN_H - 1)
        ? ih_base + CW'((K_H - 1) * DIL_H) : CW'(IN_H - 1);
    wire signed [CW-1:0] lo_rel = ih_base < 0 ? '0 : ih_base;
    wire [GW-1:0] top = fbase + GW'(top_rel);
    wire [GW-1:0] lo = fbase + GW'(lo_rel);
    wire signed [GW-1:0] written_past_top = $signed(wg - top);
    wire signed [GW-1:0] ahead_of_lo = $signed(wg - lo);
    assign in_ready = ahead_of_lo < $signed(GW'(ROWS));
    wire issue = written_past_top > 0 && pending < 3'd2;
    wire in_frame = ih >= 0 && ih < CW'(IN_H) && iw >= 0 && iw < CW'(IN_W);
    wire [SW-1:0] rslot = fbase[SW-1:0] + SW'(ih);  // (fbase + ih) mod ROWS
    wire [AW-1:0] raddr = in_frame
        ? AW'(int'(rslot) * ROW + int'(iw) * CF + int'(cf))
        : AW'(0);


    always_ff @(posedge clk) begin
        if (in_fire) begin
            mem[AW'(int'(wg[SW-1:0]) * ROW + int'(wcol))] <= in_data;
        end
        if (issue) begin
            rdata <= mem[raddr];
        end
    end

    wire [BW-1:0] push_data = rd_pad ? '0 : rdata;
    nnc_outq #(.WIDTH(BW)) u_outq (.clk(clk), .rst(rst), .push(rd_valid), .push_data(push_data), .pop(pop),
                                   .room(room), .valid(out_valid), .data(out_data));

    always_ff @(posedge clk) begin
        if (rst) begin
            wg <= '0;
            wcol <= '0;
            fbase <= '0;
            oh <= '0;
            ow <= '0;
            ky <= '0;
            kx <= '0;
            cf <= '0;
            ih_base <= -CW'(PAD_T);
            iw_base <= -CW'(PAD_L);
            ih <= -CW'(PAD_T);
            iw <= -CW'(PAD_L);
            rd_valid <= 1'b0;
            rd_pad <= 1'b0;
        end else begin
            // Write side.
            if (in_fire) begin
                if (wcol == RCW'(ROW - 1)) begin
                    wcol <= '0;
                    wg <= wg + 1'b1;
                end else begin
                    wcol <= wcol + 1'b1;
                end
            end
            // Read side: step the window counters (cf innermost, then kx, ky, ow, oh).
            rd_valid <= issue;
            if (issue) begin
                rd_pad <= !in_frame;
                if (!last_cf) begin
                    cf <= cf + 1'b1;
                end else begin
                    cf <= '0;
                    if (!last_kx) begin
                        kx <= kx + 1'b1;
                        iw <= iw + CW'(DIL_W);
                    end else begin
                        kx <= '0;
                        if (!last_ky) begin
                            ky <= ky + 1'b1;
                            ih <= ih + CW'(DIL_H);
                            iw <= iw_base;
                        end else begin
                            ky <= '0;
                            if (!last_ow) begin
                                ow <= ow + 1'b1;
                                iw_base <= iw_base + CW'(STRIDE_W);
                                iw <= iw_base + CW'(STRIDE_W);
                                ih <= ih_base;
                            end else begin
                                ow <= '0;
                                iw_base <= -CW'(PAD_L);
                                iw <= -CW'(PAD_L);
                                if (!last_oh) begin
                                    oh <= oh + 1'b1;
                                    ih_base <= ih_base + CW'(STRIDE_H);
                                    ih <= ih_base + CW'(STRIDE_H);
                                end else begin
                                    oh <= '0;
                                    ih_base <= -CW'(PAD_T);
                                    ih <= -CW'(PAD_T);
                                    fbase <= fbase + GW'(IN_H);
                                end
                            end
                        end
                    end
                end
            end
        end
    end
endmodule
