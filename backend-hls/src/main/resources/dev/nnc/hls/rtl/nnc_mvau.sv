// nnc_mvau: matrix-vector-activation unit (docs/hardware.md §2/§3). For every input vector x of
// MW elements (SF = MW/SIMD beats of SIMD lanes, element sf*SIMD+s in lane s) it emits
// y = act(requant(W·x + b)) of MH elements as NF = MH/PE beats of PE lanes (channel nf*PE+pe in
// lane pe), nf = 0 first. Vectors follow each other with no frame boundary.
//
// Memories ($readmemh, one hex word per line, word 0 first; read synchronously, block-RAM style):
//   W_FILE: NF*SF words of PE*SIMD*W_W bits; word nf*SF+sf holds W[nf*PE+pe][sf*SIMD+s] in
//           lane pe*SIMD+s.
//   B_FILE: NF words of PE*ACC_W bits (bias raws, acc scale), M_FILE: NF words of PE*M_W bits
//   (multipliers), S_FILE: NF words of PE*SH_W bits (shifts, two's complement).
// Output stage per channel: the exact sum (ACC_W bits) wrapped to the declared accumulator type
//   (ACC_T_W bits, ACC_T_SIGNED; as kernel.mvau, never changes a value lower-kernel emits)
//   -> nnc_requant(M, s) -> ACT (0 none, 1 relu: max(y,0),
//   2 clip: min(max(y, CLIP_LO), CLIP_HI)) on output raws.
//
// Cycle behaviour. The input side and the compute side are decoupled by a double-buffered input
// buffer (2 banks of SF beats), so the next vector streams in while the current one is reused
// for nf > 0:
//   - writer: in_ready = !full[wb]; a taken beat goes to bank wb, slot wsf; the beat with
//     wsf == SF-1 marks bank wb full and moves the writer to the other bank.
//   - compute: counters (nf, sf) on bank rb step at most once per cycle, when beat sf is there
//     (full[rb], or the writer is on bank rb with wsf > sf) and, for sf == SF-1, the 2-entry
//     output queue has room (count < 2). A step accumulates PE dot products of SIMD lanes
//     (sf == 0 starts from the bias); the step with sf == SF-1 pushes the PE outputs into the
//     queue; the step (NF-1, SF-1) frees bank rb and moves compute to the other bank.
//   - out_valid = count > 0, out_data = queue head; a beat pushed at edge t is offered from t+1.
// All of in_ready, out_valid, out_data come from registers. With in_valid and out_ready always
// high a vector takes NF*SF cycles (one step per cycle) and the input runs up to one vector
// ahead. A beat taken at cycle t can be used from t+1: the first output beat of a vector whose
// last input beat is taken at cycle t is offered at cycle t+2 when NF*SF allows it.
module nnc_mvau #(
    parameter int MW = 4,
    parameter int MH = 4,
    parameter int SIMD = 1,
    parameter int PE = 1,
    parameter int IN_W = 8,
    parameter bit IN_SIGNED = 1'b1,
    parameter int W_W = 8,
    parameter bit W_SIGNED = 1'b1,
    parameter int ACC_W = 24,
    parameter int ACC_T_W = 22,
    parameter bit ACC_T_SIGNED = 1'b1,
    parameter int M_W = 1,
    parameter int SH_W = 8,
    parameter int LSH = 0,
    parameter int OUT_W = 8,
    parameter bit OUT_SIGNED = 1'b1,
    parameter bit RND_CONV = 1'b1,
    parameter bit SAT = 1'b1,
    parameter int ACT = 0,
    parameter int CLIP_LO = 0,
    parameter int CLIP_HI = 0,
    parameter string W_FILE = "w.mem",
    parameter string B_FILE = "b.mem",
    parameter string M_FILE = "m.mem",
    parameter string S_FILE = "s.mem"
) (
    input  logic                   clk,
    input  logic                   rst,
    input  logic                   in_valid,
    output logic                   in_ready,
    input  logic [SIMD*IN_W-1:0]   in_data,
    output logic                   out_valid,
    input  logic                   out_ready,
    output logic [PE*OUT_W-1:0]    out_data
);
    localparam int SF = MW / SIMD;
    localparam int NF = MH / PE;
    localparam int NFW = NF > 1 ? $clog2(NF) : 1;
    localparam int SFW = SF > 1 ? $clog2(SF) : 1;
    localparam int AW = $clog2(NF * SF) > 0 ? $clog2(NF * SF) : 1;

    logic [PE*SIMD*W_W-1:0] wmem [NF*SF];
    logic [PE*ACC_W-1:0]    bmem [NF];
    logic [PE*M_W-1:0]      mmem [NF];
    logic [PE*SH_W-1:0]     smem [NF];
    initial begin
        $readmemh(W_FILE, wmem);
        $readmemh(B_FILE, bmem);
        $readmemh(M_FILE, mmem);
        $readmemh(S_FILE, smem);
    end

    logic [NFW-1:0] nf;
    logic [SFW-1:0] sf;
    logic           room;
    logic signed [ACC_W-1:0] acc [PE];
    logic [SIMD*IN_W-1:0] ibuf [2][SF];
    logic           wb, rb;
    logic [SFW-1:0] wsf;
    logic [1:0]     full;

    wire last_sf = sf == SFW'(SF - 1);
    wire last_nf = nf == NFW'(NF - 1);
    wire last_w = wsf == SFW'(SF - 1);
    assign in_ready = !full[wb];
    wire wr = in_valid && in_ready;
    wire avail = full[rb] || (wb == rb && wsf > sf);

    wire step = avail && (!last_sf || room);
    wire free = step && last_sf && last_nf;
    wire push = step && last_sf;
    wire pop = out_valid && out_ready;

    logic [SIMD*IN_W-1:0]   x;
    logic [PE*SIMD*W_W-1:0] wword;
    logic [PE*ACC_W-1:0]    bword;
    logic [PE*M_W-1:0]      mword;
    logic [PE*SH_W-1:0]     sword;
    logic signed [ACC_W-1:0] sum [PE];
    logic [PE*OUT_W-1:0]    result;

    assign x = ibuf[rb][sf];
    // The memories are read synchronously (block RAM) at the address of the NEXT step: the
    // counters' next state, so each word is in its output register when its step runs.
    logic [NFW-1:0] nf_n;
    logic [SFW-1:0] sf_n;
    always_comb begin
        nf_n = nf;
        sf_n = sf;
        if (rst) begin
            nf_n = '0;
            sf_n = '0;
        end else if (step) begin
            sf_n = last_sf ? '0 : sf + SFW'(1);
            if (last_sf) begin
                nf_n = last_nf ? '0 : nf + NFW'(1);
            end
        end
    end

    always_ff @(posedge clk) begin
        nf <= nf_n;
        sf <= sf_n;
        wword <= wmem[AW'(nf_n) * AW'(SF) + AW'(sf_n)];
        bword <= bmem[nf_n];
        mword <= mmem[nf_n];
        sword <= smem[nf_n];
    end

    for (genvar p = 0; p < PE; p++) begin : g_pe
        logic signed [ACC_W-1:0] dot;
        logic [OUT_W-1:0] rq;
        logic signed [64:0] yv;
        logic signed [ACC_W-1:0] acc_t;
        always_comb begin
            dot = '0;
            for (int s = 0; s < SIMD; s++) begin
                logic signed [ACC_W-1:0] xe, we;
                xe = IN_SIGNED ? ACC_W'($signed(x[s*IN_W +: IN_W])) : ACC_W'(x[s*IN_W +: IN_W]);
                we = W_SIGNED ? ACC_W'($signed(wword[(p*SIMD+s)*W_W +: W_W]))
                              : ACC_W'(wword[(p*SIMD+s)*W_W +: W_W]);
                dot = dot + xe * we;
            end
            sum[p] = (sf == '0 ? $signed(bword[p*ACC_W +: ACC_W]) : acc[p]) + dot;
        end
        assign acc_t = ACC_T_SIGNED ? ACC_W'($signed(sum[p][ACC_T_W-1:0])) : ACC_W'(sum[p][ACC_T_W-1:0]);
        nnc_requant #(.ACC_W(ACC_W), .M_W(M_W), .SH_W(SH_W), .LSH(LSH), .OUT_W(OUT_W),
                      .OUT_SIGNED(OUT_SIGNED), .RND_CONV(RND_CONV), .SAT(SAT))
            u_rq (.acc(acc_t), .mult(mword[p*M_W +: M_W]), .shift($signed(sword[p*SH_W +: SH_W])), .y(rq));
        // the activation compares in 65 bits so signed and unsigned outputs share one rule
        assign yv = OUT_SIGNED ? 65'($signed(rq)) : 65'({1'b0, rq});
        always_comb begin
            result[p*OUT_W +: OUT_W] = rq;
            if (ACT == 1 && yv < 0) begin
                result[p*OUT_W +: OUT_W] = '0;
            end else if (ACT == 2 && yv < 65'(CLIP_LO)) begin
                result[p*OUT_W +: OUT_W] = OUT_W'(CLIP_LO);
            end else if (ACT == 2 && yv > 65'(CLIP_HI)) begin
                result[p*OUT_W +: OUT_W] = OUT_W'(CLIP_HI);
            end
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            wb <= 1'b0;
            rb <= 1'b0;
            wsf <= '0;
            full <= 2'b00;
        end else begin
            if (wr) begin
                wsf <= last_w ? '0 : wsf + SFW'(1);
                if (last_w) begin
                    wb <= !wb;
                end
            end
            if (free) begin
                rb <= !rb;
            end
            full <= (full & ~(free ? 2'b01 << rb : 2'b00)) | (wr && last_w ? 2'b01 << wb : 2'b00);
        end
    end

    nnc_outq #(.WIDTH(PE * OUT_W)) u_q (
        .clk(clk), .rst(rst), .push(push), .push_data(result), .pop(pop),
        .room(room), .valid(out_valid), .data(out_data));

    always_ff @(posedge clk) begin
        if (wr) begin
            ibuf[wb][wsf] <= in_data;
        end
        if (step) begin
            for (int p = 0; p < PE; p++) begin
                acc[p] <= sum[p];
            end
        end
    end
endmodule
