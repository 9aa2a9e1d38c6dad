// Exhaustive-ish test bench of nnc_requant: reads N vectors {shift, mult, acc} (one hex word per
// line) from vectors.hex, prints y for each as one hex line. Driven by RequantRtlTest.
module tb_requant #(
    parameter int ACC_W = 16,
    parameter int M_W = 8,
    parameter int SH_W = 8,
    parameter int LSH = 0,
    parameter int OUT_W = 8,
    parameter bit OUT_SIGNED = 1'b1,
    parameter bit RND_CONV = 1'b1,
    parameter bit SAT = 1'b1,
    parameter int N = 1
);
    localparam int VW = SH_W + M_W + ACC_W;
    logic [VW-1:0] vec [N];
    logic signed [ACC_W-1:0] acc;
    logic [M_W-1:0] mult;
    logic signed [SH_W-1:0] shift;
    logic [OUT_W-1:0] y;

    nnc_requant #(.ACC_W(ACC_W), .M_W(M_W), .SH_W(SH_W), .LSH(LSH), .OUT_W(OUT_W),
                  .OUT_SIGNED(OUT_SIGNED), .RND_CONV(RND_CONV), .SAT(SAT))
        dut (.acc(acc), .mult(mult), .shift(shift), .y(y));

    initial begin
        $readmemh("vectors.hex", vec);
        for (int i = 0; i < N; i++) begin
            {shift, mult, acc} = vec[i];
            #1;
            $display("%h", y);
        end
        $finish;
    end
endmodule
