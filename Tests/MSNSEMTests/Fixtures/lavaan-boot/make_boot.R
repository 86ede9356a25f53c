## lavaan's bootstrap standard errors for msnb's bootstrap comparison (R 4.2.2, lavaan 0.6-14 from Debian's
## r-cran-lavaan). Run from this folder: Rscript make_boot.R   (takes a few minutes)
## The HS 3-factor CFA with se = "bootstrap", R = 5000 ordinary case resamples (set.seed(2026)); writes
## hs_boot.estimates.csv (est, se = the SD of the 5000 draws, and the ML se for reference) and the time taken.
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
hs3 <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
ml <- cfa(hs3, data = hs)
set.seed(2026)
t <- system.time(fit <- cfa(hs3, data = hs, se = "bootstrap", bootstrap = 5000))
pe <- parameterEstimates(fit, level = 0.95, boot.ci.type = "perc")
pe$ml.se <- parameterEstimates(ml)$se
pe$draws <- nrow(lavInspect(fit, "boot"))
write.csv(pe[, c("lhs","op","rhs","est","se","ci.lower","ci.upper","ml.se","draws")], "hs_boot.estimates.csv", row.names = FALSE)
writeLines(sprintf("lavaan se = \"bootstrap\", R = 5000, HS 3-factor CFA: %.1f s elapsed (one core)", t[["elapsed"]]), "hs_boot.time.txt")
