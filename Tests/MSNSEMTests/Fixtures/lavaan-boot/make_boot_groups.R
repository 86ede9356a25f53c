## lavaan's multi-group bootstrap standard errors for msnb's comparison (R 4.2.2, lavaan 0.6-14 from Debian's
## r-cran-lavaan). Run from this folder: Rscript make_boot_groups.R   (takes several minutes)
## The HS 3-factor CFA by school with equal loadings (metric), se = "bootstrap", R = 2000 (lavaan resamples
## within each group; set.seed(2027)); writes hs_boot_groups.estimates.csv (est, se = the SD of the draws,
## the ML se for reference, draws kept) and the time taken.
suppressPackageStartupMessages(library(lavaan))
hs <- read.csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
hs3 <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
'
ml <- cfa(hs3, data = hs, group = "school", group.equal = "loadings")
set.seed(2027)
t <- system.time(fit <- cfa(hs3, data = hs, group = "school", group.equal = "loadings", se = "bootstrap", bootstrap = 2000))
pe <- parameterEstimates(fit, level = 0.95, boot.ci.type = "perc")
pe$ml.se <- parameterEstimates(ml)$se
pe$draws <- nrow(lavInspect(fit, "boot"))
keep <- pe$op != "==" & !(pe$se == 0 & pe$ml.se == 0)
write.csv(pe[keep, c("lhs","op","rhs","group","est","se","ci.lower","ci.upper","ml.se","draws")], "hs_boot_groups.estimates.csv", row.names = FALSE)
writeLines(sprintf("lavaan se = \"bootstrap\", R = 2000, HS 3-factor CFA by school, equal loadings: %.1f s elapsed (one core)", t[["elapsed"]]), "hs_boot_groups.time.txt")
