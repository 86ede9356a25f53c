# Delta-method standard errors and 95% intervals of the completely standardised estimates (std.all),
# for the Holzinger-Swineford CFA (Tests/MSNSEMTests/StandardizedSETests.swift).
# Run from this folder: Rscript make_std.R   (R 4.2.2, lavaan as installed by r-cran-lavaan)
suppressMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
model <- "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9"
fit <- cfa(model, data = hs)
s <- standardizedSolution(fit, type = "std.all", se = TRUE)
s <- s[, c("lhs", "op", "rhs", "est.std", "se", "ci.lower", "ci.upper")]
write.csv(s, "hs_cfa.std_all.csv", row.names = FALSE)
cat("lavaan", as.character(packageVersion("lavaan")), "\n")
