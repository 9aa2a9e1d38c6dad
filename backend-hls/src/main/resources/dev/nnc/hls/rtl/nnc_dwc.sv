// nnc_dwc: data-width converter between IN_LANES and OUT_LANES lanes of ELEM_W bits (hw.dwc,
// docs/hardware.md §4); one lane count divides the other. Elements keep their stream order:
// lane i of a beat is bits [i*ELEM_W +: ELEM_W], and the earlier beat holds the lower lanes.
//
// Up-conversion (OUT_LANES = K*IN_LANES, K >= 1): K input beats are gathered into one output
// beat (the first in lanes 0..IN_LANES-1). K-1 beats wait in an assembly register; the K-th
// completes the word, which enters a 2-entry output queue (nnc_fifo DEPTH 2) at that edge and is
// offered from the next cycle. in_ready is high unless K-1 beats are gathered and the queue is
// full. Throughput: one input beat per cycle; latency 1 cycle from the K-th input beat.
//
// Down-conversion (IN_LANES = K*OUT_LANES, K >= 2): each input beat enters a 2-entry queue
// (nnc_fifo DEPTH 2) and is sent as K output beats, lanes 0..OUT_LANES-1 first; a slice counter
// selects the part, and the beat leaves the queue when its last slice is taken. in_ready = queue
// holds fewer than 2 beats. Throughput: one output beat per cycle; latency 1 cycle.
//
// in_ready, out_valid and out_data come from registers only (Moore).
module nnc_dwc #(
    parameter int IN_LANES  = 1,
    parameter int OUT_LANES = 2,
    parameter int ELEM_W    = 8
) (
    input  logic                        clk,
    input  logic                        rst,
    input  logic                        in_valid,
    output logic                        in_ready,
    input  logic [IN_LANES*ELEM_W-1:0]  in_data,
    output logic                        out_valid,
    input  logic                        out_ready,
    output logic [OUT_LANES*ELEM_W-1:0] out_data
);
    localparam int IW = IN_LANES * ELEM_W;
    localparam int OW = OUT_LANES * ELEM_W;

    generate
        if (OUT_LANES >= IN_LANES) begin : g_up
            localparam int K = OUT_LANES / IN_LANES;

            logic          q_ready;
            logic [OW-1:0] word;
            logic          last;

            if (K == 1) begin : g_pass
                assign word = in_data;
                assign last = 1'b1;
            end else begin : g_gather
                localparam int CW = $clog2(K);

                logic [CW-1:0]         cnt;  // beats gathered
                logic [(K-1)*IW-1:0]   asm;  // beat j at [j*IW +: IW]

                assign last = cnt == CW'(K - 1);
                assign word = {in_data, asm};

                always_ff @(posedge clk) begin
                    if (rst) begin
                        cnt <= '0;
                    end else if (in_valid && in_ready) begin
                        cnt <= last ? '0 : cnt + CW'(1);
                    end
                end

                always_ff @(posedge clk) begin
                    if (in_valid && in_ready && !last) asm[cnt * IW +: IW] <= in_data;
                end
            end

            assign in_ready = !last || q_ready;

            nnc_fifo #(.WIDTH(OW), .DEPTH(2)) q (
                .clk(clk), .rst(rst),
                .in_valid(in_valid && last), .in_ready(q_ready), .in_data(word),
                .out_valid(out_valid), .out_ready(out_ready), .out_data(out_data)
            );
        end else begin : g_down
            localparam int K  = IN_LANES / OUT_LANES;
            localparam int CW = $clog2(K);

            logic          q_valid;
            logic [IW-1:0] q_data;
            logic [CW-1:0] slice;  // next slice to send

            wire last = slice == CW'(K - 1);

            assign out_valid = q_valid;
            assign out_data  = q_data[slice * OW +: OW];

            always_ff @(posedge clk) begin
                if (rst) begin
                    slice <= '0;
                end else if (out_valid && out_ready) begin
                    slice <= last ? '0 : slice + CW'(1);
                end
            end

            nnc_fifo #(.WIDTH(IW), .DEPTH(2)) q (
                .clk(clk), .rst(rst),
                .in_valid(in_valid), .in_ready(in_ready), .in_data(in_data),
                .out_valid(q_valid), .out_ready(out_ready && last), .out_data(q_data)
            );
        end
    endgenerate
endmodule
