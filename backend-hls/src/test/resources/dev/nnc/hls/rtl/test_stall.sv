// Test-only primitive: swallows every input beat and never outputs one (a deadlocked design).
module test_stall #(
    parameter int WIDTH = 8
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    output logic in_ready,
    input  logic [WIDTH-1:0] in_data,
    output logic out_valid,
    input  logic out_ready,
    output logic [WIDTH-1:0] out_data
);
    assign in_ready = 1'b1;
    assign out_valid = 1'b0;
    assign out_data = '0;
    // verilator lint_off UNUSEDSIGNAL
    logic unused;
    assign unused = clk ^ rst ^ in_valid ^ out_ready ^ (^in_data);
    // verilator lint_on UNUSEDSIGNAL
endmodule
