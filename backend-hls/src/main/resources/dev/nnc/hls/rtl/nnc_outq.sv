// nnc_outq: the 2-entry register queue that ends every compute primitive (docs/hardware.md §4).
// valid = count > 0, data = head, room = count < 2: all from registers (Moore). The parent pushes
// only when room was high at the start of the cycle; a push and a pop in the same cycle with one
// entry leave the pushed beat as the head. With a consumer that is always ready, pushing every
// cycle never stalls (count stays <= 1). Same queue as dev.nnc.sim.prim.OutputQueue.
module nnc_outq #(
    parameter int WIDTH = 8
) (
    input  logic             clk,
    input  logic             rst,
    input  logic             push,
    input  logic [WIDTH-1:0] push_data,
    input  logic             pop,
    output logic             room,
    output logic             valid,
    output logic [WIDTH-1:0] data
);
    logic [1:0]       count;
    logic [WIDTH-1:0] second;

    assign room = count != 2'd2;
    assign valid = count != 2'd0;

    always_ff @(posedge clk) begin
        if (rst) begin
            count <= 2'd0;
        end else if (push && pop) begin
            data <= push_data;
        end else if (push) begin
            if (count == 2'd0) begin
                data <= push_data;
            end else begin
                second <= push_data;
            end
            count <= count + 2'd1;
        end else if (pop) begin
            data <= second;
            count <= count - 2'd1;
        end
    end
endmodule
