// nnc_fork: copies one stream to two (hw.fork, docs/hardware.md §4). Each output may take a beat
// at a different cycle: every output has its own 2-entry queue (an nnc_fifo of DEPTH 2).
//
// Cycle behaviour:
//   in_ready    = both queues hold fewer than 2 beats (registers only)
//   outK_valid  = queue K is not empty; outK_data = its oldest beat
//   A beat accepted at edge t enters both queues and is offered on both outputs from cycle
//   t+1 (latency 1). With both outputs ready every cycle the fork passes one beat per cycle;
//   an output that stalls stops the input once its queue is full (2 beats), while the other
//   output drains its queue.
module nnc_fork #(
    parameter int WIDTH = 8
) (
    input  logic             clk,
    input  logic             rst,
    input  logic             in_valid,
    output logic             in_ready,
    input  logic [WIDTH-1:0] in_data,
    output logic             out0_valid,
    input  logic             out0_ready,
    output logic [WIDTH-1:0] out0_data,
    output logic             out1_valid,
    input  logic             out1_ready,
    output logic [WIDTH-1:0] out1_data
);
    logic ready0;
    logic ready1;

    assign in_ready = ready0 && ready1;
    wire push = in_valid && in_ready;

    nnc_fifo #(.WIDTH(WIDTH), .DEPTH(2)) q0 (
        .clk(clk), .rst(rst),
        .in_valid(push), .in_ready(ready0), .in_data(in_data),
        .out_valid(out0_valid), .out_ready(out0_ready), .out_data(out0_data)
    );

    nnc_fifo #(.WIDTH(WIDTH), .DEPTH(2)) q1 (
        .clk(clk), .rst(rst),
        .in_valid(push), .in_ready(ready1), .in_data(in_data),
        .out_valid(out1_valid), .out_ready(out1_ready), .out_data(out1_data)
    );
endmodule
