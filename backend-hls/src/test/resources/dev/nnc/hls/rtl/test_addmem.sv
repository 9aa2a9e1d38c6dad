// Test-only primitive: out lane i = in lane i + MEM[k] (mod 2^W), k counting beats modulo DEPTH.
// A one-beat buffer: in_ready = !full, out_valid = full (Moore; half throughput is fine for tests).
module test_addmem #(
    parameter int LANES = 1,
    parameter int W = 8,
    parameter int DEPTH = 4,
    parameter string MEM_FILE = "mem.mem"
) (
    input  logic clk,
    input  logic rst,
    input  logic in_valid,
    output logic in_ready,
    input  logic [LANES*W-1:0] in_data,
    output logic out_valid,
    input  logic out_ready,
    output logic [LANES*W-1:0] out_data
);
    localparam int KW = DEPTH > 1 ? $clog2(DEPTH) : 1;
    logic [W-1:0] mem [DEPTH];
    initial $readmemh(MEM_FILE, mem);
    logic full;
    logic [KW-1:0] k;
    assign in_ready = !full;
    assign out_valid = full;
    always_ff @(posedge clk) begin
        if (rst) begin
            full <= 1'b0;
            k <= '0;
            out_data <= '0;
        end else begin
            if (full && out_ready) full <= 1'b0;
            if (!full && in_valid) begin
                for (int i = 0; i < LANES; i++) out_data[i*W +: W] <= in_data[i*W +: W] + mem[k];
                full <= 1'b1;
                k <= k == KW'(DEPTH - 1) ? '0 : k + 1'b1;
            end
        end
    end
endmodule
