// Test-only primitive: out lane i = in0 lane i + in1 lane i (mod 2^W). Each input has a one-beat
// holding register (in<k>_ready = it is empty); when both are full and the output is free the sum
// moves to the output register (Moore).
module test_join #(
    parameter int LANES = 1,
    parameter int W = 8
) (
    input  logic clk,
    input  logic rst,
    input  logic in0_valid,
    output logic in0_ready,
    input  logic [LANES*W-1:0] in0_data,
    input  logic in1_valid,
    output logic in1_ready,
    input  logic [LANES*W-1:0] in1_data,
    output logic out_valid,
    input  logic out_ready,
    output logic [LANES*W-1:0] out_data
);
    logic [LANES*W-1:0] h0, h1;
    logic full0, full1, ofull;
    assign in0_ready = !full0;
    assign in1_ready = !full1;
    assign out_valid = ofull;
    always_ff @(posedge clk) begin
        if (rst) begin
            full0 <= 1'b0;
            full1 <= 1'b0;
            ofull <= 1'b0;
            h0 <= '0;
            h1 <= '0;
            out_data <= '0;
        end else begin
            if (ofull && out_ready) ofull <= 1'b0;
            if (full0 && full1 && (!ofull || out_ready)) begin
                for (int i = 0; i < LANES; i++) out_data[i*W +: W] <= h0[i*W +: W] + h1[i*W +: W];
                ofull <= 1'b1;
                full0 <= 1'b0;
                full1 <= 1'b0;
            end else begin
                if (!full0 && in0_valid) begin
                    h0 <= in0_data;
                    full0 <= 1'b1;
                end
                if (!full1 && in1_valid) begin
                    h1 <= in1_data;
                    full1 <= 1'b1;
                end
            end
        end
    end
endmodule
