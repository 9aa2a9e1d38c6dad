// Test-only primitive: each input beat goes to both outputs, each taking it at its own cycle.
// in_ready = neither output still holds a beat; out<k>_valid = output k holds one (Moore).
module test_fork #(
    parameter int WIDTH = 8
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    output logic in_ready,
    input  logic [WIDTH-1:0] in_data,
    output logic out0_valid,
    input  logic out0_ready,
    output logic [WIDTH-1:0] out0_data,
    output logic out1_valid,
    input  logic out1_ready,
    output logic [WIDTH-1:0] out1_data
);
    logic [WIDTH-1:0] data;
    logic pend0, pend1;
    assign in_ready = !pend0 && !pend1;
    assign out0_valid = pend0;
    assign out1_valid = pend1;
    assign out0_data = data;
    assign out1_data = data;
    always_ff @(posedge clk) begin
        if (rst) begin
            pend0 <= 1'b0;
            pend1 <= 1'b0;
            data <= '0;
        end else if (in_ready && in_valid) begin
            data <= in_data;
            pend0 <= 1'b1;
            pend1 <= 1'b1;
        end else begin
            if (out0_ready) pend0 <= 1'b0;
            if (out1_ready) pend1 <= 1'b0;
        end
    end
endmodule
