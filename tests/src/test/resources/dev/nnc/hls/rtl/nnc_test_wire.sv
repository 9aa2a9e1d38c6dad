// A deliberately broken primitive for the harness's own test: a wire from input to output
// (Mealy), which the co-simulation testbench's Moore check must report.
module nnc_test_wire #(
    parameter int WIDTH = 8
) (
    input  logic             clk,
    input  logic             rst,
    input  logic             in_valid,
    output logic             in_ready,
    input  logic [WIDTH-1:0] in_data,
    output logic             out_valid,
    input  logic             out_ready,
    output logic [WIDTH-1:0] out_data
);
    logic unused;
    assign unused = clk ^ rst;
    assign in_ready = out_ready;
    assign out_valid = in_valid;
    assign out_data = in_data;
endmodule
