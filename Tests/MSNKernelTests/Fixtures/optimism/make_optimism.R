# Reference for evaluate … with optimism (Tests/MSNKernelTests/EvaluateOptimismTests.swift).
# R 4.2 with rms 6.5-0 (Debian r-cran-rms). Run from the repository root:
#   Rscript Tests/MSNKernelTests/Fixtures/optimism/make_optimism.R
# Harrell's optimism correction of the logistic model school ~ x1 + x4 + x7 + ageyr on Holzinger–Swineford
# (Pasteur = 1), by bootstrap (B = 20000, one run) and by 10-fold cross-validation (the mean of 2000
# repetitions with fresh folds), so that the reference's own Monte-Carlo error is negligible beside msnb's.
suppressMessages(library(rms))
hs <- read.csv("Notebooks/data/HolzingerSwineford1939.csv")
hs$y <- as.integer(hs$school == "Pasteur")
f <- lrm(y ~ x1 + x4 + x7 + ageyr, data = hs, x = TRUE, y = TRUE)
pick <- function(v, col) c(auc = (v["Dxy", col] + 1) / 2, brier = v["B", col], slope = v["Slope", col])
pickOpt <- function(v) c(auc = v["Dxy", "optimism"] / 2, brier = v["B", "optimism"], slope = v["Slope", "optimism"])
set.seed(20261202)
vb <- validate(f, method = "boot", B = 20000)
reps <- 2000
cv <- rowMeans(sapply(seq_len(reps), function(r) pickOpt(validate(f, method = "crossvalidation", B = 10))))
# Per-draw spread of the bootstrap optimism (for the test's Monte-Carlo tolerance).
out <- data.frame(
  metric = c("auc", "brier", "calibration_slope"),
  apparent = pick(vb, "index.orig"),
  boot_optimism = pickOpt(vb),
  cv_optimism = cv
)
write.csv(out, "Tests/MSNKernelTests/Fixtures/optimism/rms_validate.csv", row.names = FALSE)
print(out, digits = 10)
print(vb)
