# Cross-check of the simulated thickness table with base R, quoted in samples/README.md.
# Per subject, muscle and side: percent change = (mean contracted - mean rest) / mean rest * 100
# over the 3 trials; per subject: mean of the two sides. Then Welch t.test(x = LBP, y = control)
# for the percent change and for the resting thickness (mean of trials and sides).
# Run: Rscript scripts/sim/check-thickness.R [samples/thickness.csv]
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) > 0) args[1] else "samples/thickness.csv"
d <- read.csv(path, comment.char = "#")
cell <- aggregate(thickness_mm ~ subject + group + muscle + side + condition, data = d, FUN = mean)
w <- reshape(cell, idvar = c("subject", "group", "muscle", "side"), timevar = "condition", direction = "wide")
w$pct <- (w$thickness_mm.contracted - w$thickness_mm.rest) / w$thickness_mm.rest * 100
s <- aggregate(cbind(pct, thickness_mm.rest) ~ subject + group + muscle, data = w, FUN = mean)
for (m in c("ES", "GM")) {
  for (v in c("pct", "thickness_mm.rest")) {
    x <- s[s$muscle == m & s$group == "LBP", v]
    y <- s[s$muscle == m & s$group == "control", v]
    tt <- t.test(x, y)
    cat(sprintf("%s %-17s LBP %.2f control %.2f diff %.2f  95%% CI [%.2f, %.2f]  t = %.2f  df = %.1f  p = %.4f\n",
                m, v, mean(x), mean(y), mean(x) - mean(y), tt$conf.int[1], tt$conf.int[2], tt$statistic, tt$parameter, tt$p.value))
  }
}
