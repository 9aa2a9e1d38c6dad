// nnc_fifo: first-in first-out stream buffer of DEPTH beats of WIDTH bits (docs/hardware.md §4).
//
// Cycle behaviour (count = beats held, updated at every rising edge):
//   in_ready  = count < DEPTH   (a register compare: no path from any input)
//   out_valid = count > 0
//   out_data  = the oldest beat held (a register)
//   At an edge, a beat is written when in_valid && in_ready and the head is removed when
//   out_valid && out_ready; both may happen at the same edge. A beat written at edge t is
//   visible on out_data from cycle t+1 (latency 1 when the FIFO was empty). DEPTH = 1 alternates
//   (at most one beat every two cycles); DEPTH >= 2 sustains one beat per cycle.
// Structure: the head beat sits in an output register; the other DEPTH-1 beats live in a
// simple dual-port RAM array read synchronously into that register. Up to BRAM_MIN_DEPTH the
// head register is loaded from the RAM or straight from in_data (distributed RAM / registers);
// from BRAM_MIN_DEPTH on, the RAM read has an output register of its own (the block-RAM pattern:
// one write port, one enabled synchronous read port) and out_data selects between it and a
// bypass register by a registered flag. Both structures give the same cycle behaviour.
// Synchronous reset (rst, active high) empties the FIFO.
module nnc_fifo #(
    parameter int WIDTH = 8,
    parameter int DEPTH = 2
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
    localparam int CW = $clog2(DEPTH + 1);
    localparam int BRAM_MIN_DEPTH = 64;

    logic [CW-1:0]    count;
    logic [WIDTH-1:0] head;

    wire push = in_valid && in_ready;
    wire pop  = out_valid && out_ready;
    // The incoming beat goes straight to the head register when the FIFO is (about to be) empty.
    wire head_from_in = push && (count == '0 || (count == CW'(1) && pop));

    assign in_ready  = count < CW'(DEPTH);
    assign out_valid = count != '0;
    assign out_data  = head;

    always_ff @(posedge clk) begin
        if (rst) begin
            count <= '0;
        end else begin
            count <= count + CW'(push) - CW'(pop);
        end
    end

    generate
        if (DEPTH == 1) begin : g_reg
            always_ff @(posedge clk) begin
                if (head_from_in) head <= in_data;
            end
        end else begin : g_ram
            localparam int RD = DEPTH - 1;               // RAM entries
            localparam int AW = RD > 1 ? $clog2(RD) : 1; // RAM address width

            logic [WIDTH-1:0] mem [RD];
            logic [AW-1:0]    rd_ptr;
            logic [AW-1:0]    wr_ptr;

            wire head_from_ram = pop && count > CW'(1);
            wire to_ram        = push && !head_from_in;

            always_ff @(posedge clk) begin
                if (to_ram) mem[wr_ptr] <= in_data;
            end

            if (DEPTH < BRAM_MIN_DEPTH) begin : g_small
                always_ff @(posedge clk) begin
                    if (head_from_ram) begin
                        head <= mem[rd_ptr];
                    end else if (head_from_in) begin
                        head <= in_data;
                    end
                end
            end else begin : g_block
                logic [WIDTH-1:0] ram_q;   // the block RAM's read register
                logic [WIDTH-1:0] bypass;  // a beat that skipped the RAM
                logic             from_ram;

                always_ff @(posedge clk) begin
                    if (head_from_ram) ram_q <= mem[rd_ptr];
                end

                always_ff @(posedge clk) begin
                    if (head_from_in) bypass <= in_data;
                    if (head_from_ram) begin
                        from_ram <= 1'b1;
                    end else if (head_from_in) begin
                        from_ram <= 1'b0;
                    end
                end

                assign head = from_ram ? ram_q : bypass;
            end

            always_ff @(posedge clk) begin
                if (rst) begin
                    rd_ptr <= '0;
                    wr_ptr <= '0;
                end else begin
                    if (head_from_ram) rd_ptr <= rd_ptr == AW'(RD - 1) ? '0 : rd_ptr + AW'(1);
                    if (to_ram) wr_ptr <= wr_ptr == AW'(RD - 1) ? '0 : wr_ptr + AW'(1);
                end
            end
        end
    endgenerate
endmodule
