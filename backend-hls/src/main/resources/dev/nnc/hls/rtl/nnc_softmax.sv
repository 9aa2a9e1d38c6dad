// nnc_softmax: q.softmax over vectors of N elements, one element per beat (SIMD = 1), exactly
// the steps of docs/hardware.md §1 on raws:
//   m = max x; d_i = x_i - m; e_i = exp table(d_i); s = sum e_i (exact, SUM_W bits);
//   t = cast(s) to the reciprocal input type (RND_CONV + SAT); r = reciprocal table(t);
//   y_i = cast(e_i * r) to the output type (RND_CONV + SAT).
// The tables are ROMs read from EXP_FILE / REC_FILE ($readmemh, LookupTable.contents()); their
// indices are LookupTable.index (nnc_lut_index); both casts are nnc_requant with M = 1 resp.
// M = r. Table entries are never negative (exp and 1/x of the range), so e, s and r are
// handled as unsigned.
//
// Exact cycle behaviour (a transfer fires where valid & ready):
// - LOAD (independent of the main state): in_ready = !loaded (a register). Beat k of a vector
//   goes to xbuf[k] and updates the running max; the N-th beat sets loaded.
// - main state IDLE: waits for loaded (1 cycle at least), then EXP.
// - EXP, N+1 cycles: in cycle k < N the exp ROM reads index(x_k - m) (registered); in cycles
//   k >= 1 the word read the cycle before is stored as e_{k-1} and added to s. The read of x_{N-1}
//   clears loaded (so the next vector may load during RECIP and OUT).
// - RECIP, 1 cycle: the reciprocal ROM reads index(cast(s)) (registered).
// - OUT: y_i = cast(e_i * r) enters the 2-entry output queue (nnc_outq) at each edge where the
//   queue had room (fewer than 2 entries), i = 0..N-1; the last push goes to EXP if loaded,
//   else IDLE. out_valid = queue not empty, out_data = queue head (registers only).
// With in_valid and out_ready always high: latency 3N + 4 cycles (first input beat to last
// output beat), initiation interval 2N + 2 cycles per vector in steady state.
module nnc_softmax #(
    parameter int N = 5,
    parameter int IN_W = 16,
    parameter bit IN_SIGNED = 1'b1,
    parameter int EXP_AW = 10,
    parameter int EXP_W = 16,
    parameter int EXP_XW = 20,
    parameter longint EXP_LO = 0,
    parameter int EXP_SH = 0,
    parameter EXP_FILE = "exp.mem",
    parameter int SUM_W = 19,
    parameter int RIN_W = 16,
    parameter bit RIN_SIGNED = 1'b0,
    parameter int RIN_SHIFT = 0,
    parameter int RIN_LSH = 0,
    parameter int REC_AW = 10,
    parameter int REC_W = 16,
    parameter int REC_XW = 20,
    parameter longint REC_LO = 0,
    parameter int REC_SH = 0,
    parameter REC_FILE = "rec.mem",
    parameter int OUT_W = 16,
    parameter bit OUT_SIGNED = 1'b1,
    parameter int OUT_SHIFT = 0,
    parameter int OUT_LSH = 0
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    output logic in_ready,
    input  logic [IN_W-1:0] in_data,
    output logic out_valid,
    input  logic out_ready,
    output logic [OUT_W-1:0] out_data
);
    localparam int NW = $clog2(N + 1);
    localparam int DW = IN_W + 1;
    localparam int IW = N > 1 ? $clog2(N) : 1;  // buffer index width
    typedef enum logic [1:0] {IDLE, EXP, RECIP, OUT} state_t;

    logic [EXP_W-1:0] exp_rom [2 ** EXP_AW];
    logic [REC_W-1:0] rec_rom [2 ** REC_AW];
    initial begin
        $readmemh(EXP_FILE, exp_rom);
        $readmemh(REC_FILE, rec_rom);
    end

    // Load side.
    logic loaded;
    logic [NW-1:0] lcnt;
    logic [IN_W-1:0] xbuf [N];
    logic [IN_W-1:0] m;
    assign in_ready = !loaded;
    wire in_fire = in_valid && !loaded;
    wire in_gt = IN_SIGNED ? $signed(in_data) > $signed(m) : in_data > m;

    // Main state.
    state_t state;
    logic [NW-1:0] cnt;
    logic ev;
    logic [IW-1:0] eidx;
    logic [EXP_W-1:0] exp_q;
    logic [EXP_W-1:0] ebuf [N];
    logic [SUM_W-1:0] s;
    logic [REC_W-1:0] rec_q;
    logic room;
    wire pop = out_valid && out_ready;

    // EXP: index of x_cnt - m (exact, DW bits signed).
    wire [IN_W-1:0] x_cur = xbuf[IW'(cnt)];
    wire [DW-1:0] d = IN_SIGNED ? DW'($signed(x_cur)) - DW'($signed(m)) : DW'(x_cur) - DW'(m);
    logic [EXP_AW-1:0] exp_idx;
    nnc_lut_index #(.IN_W(DW), .IN_SIGNED(1'b1), .XW(EXP_XW), .LO(EXP_LO), .SH(EXP_SH), .AW(EXP_AW))
        u_exp_idx (.x(d), .idx(exp_idx));

    // RECIP: t = cast(s), its table index.
    logic [RIN_W-1:0] t;
    nnc_requant #(.ACC_W(SUM_W + 1), .M_W(1), .SH_W(8), .LSH(RIN_LSH), .OUT_W(RIN_W),
                  .OUT_SIGNED(RIN_SIGNED), .RND_CONV(1'b1), .SAT(1'b1))
        u_cast_sum (.acc({1'b0, s}), .mult(1'b1), .shift(8'(RIN_SHIFT)), .y(t));
    logic [REC_AW-1:0] rec_idx;
    nnc_lut_index #(.IN_W(RIN_W), .IN_SIGNED(RIN_SIGNED), .XW(REC_XW), .LO(REC_LO), .SH(REC_SH), .AW(REC_AW))
        u_rec_idx (.x(t), .idx(rec_idx));

    // OUT: y = cast(e_cnt * r).
    wire [EXP_W-1:0] e_cur = ebuf[IW'(cnt)];
    logic [OUT_W-1:0] y;
    nnc_requant #(.ACC_W(EXP_W + 1), .M_W(REC_W), .SH_W(8), .LSH(OUT_LSH), .OUT_W(OUT_W),
                  .OUT_SIGNED(OUT_SIGNED), .RND_CONV(1'b1), .SAT(1'b1))
        u_cast_out (.acc({1'b0, e_cur}), .mult(rec_q), .shift(8'(OUT_SHIFT)), .y(y));

    wire exp_issue = state == EXP && cnt < NW'(N);
    wire rec_issue = state == RECIP;
    wire push = state == OUT && room;
    wire last_push = push && cnt == NW'(N - 1);
    nnc_outq #(.WIDTH(OUT_W)) u_outq (.clk(clk), .rst(rst), .push(push), .push_data(y), .pop(pop),
                                      .room(room), .valid(out_valid), .data(out_data));

    // ROMs and buffers (no reset).
    always_ff @(posedge clk) begin
        if (in_fire) begin
            xbuf[IW'(lcnt)] <= in_data;
        end
        if (exp_issue) begin
            exp_q <= exp_rom[exp_idx];
        end
        if (ev) begin
            ebuf[eidx] <= exp_q;
        end
        if (rec_issue) begin
            rec_q <= rec_rom[rec_idx];
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            loaded <= 1'b0;
            lcnt <= '0;
            m <= '0;
            state <= IDLE;
            cnt <= '0;
            ev <= 1'b0;
            eidx <= '0;
            s <= '0;
        end else begin
            // Load side.
            if (in_fire) begin
                if (lcnt == '0 || in_gt) begin
                    m <= in_data;
                end
                if (lcnt == NW'(N - 1)) begin
                    lcnt <= '0;
                    loaded <= 1'b1;
                end else begin
                    lcnt <= lcnt + 1'b1;
                end
            end else if (exp_issue && cnt == NW'(N - 1)) begin
                loaded <= 1'b0;
            end
            // Main state.
            ev <= exp_issue;
            eidx <= IW'(cnt);
            if (ev) begin
                s <= s + SUM_W'(exp_q);
            end
            case (state)
                IDLE: begin
                    if (loaded) begin
                        state <= EXP;
                        cnt <= '0;
                        s <= '0;
                    end
                end
                EXP: begin
                    if (cnt == NW'(N)) begin
                        state <= RECIP;
                    end else begin
                        cnt <= cnt + 1'b1;
                    end
                end
                RECIP: begin
                    state <= OUT;
                    cnt <= '0;
                end
                default: begin
                    if (push) begin
                        if (last_push) begin
                            state <= loaded ? EXP : IDLE;
                            cnt <= '0;
                            s <= '0;
                        end else begin
                            cnt <= cnt + 1'b1;
                        end
                    end
                end
            endcase
        end
    end
endmodule
