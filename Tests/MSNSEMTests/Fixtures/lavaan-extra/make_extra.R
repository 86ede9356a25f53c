## Extra lavaan references for msnb's SEM tests (R 4.2.2, lavaan 0.6-14 from Debian's r-cran-lavaan).
## Run from this folder: Rscript make_extra.R  (reads ../../../../Notebooks/data/PoliticalDemocracy.csv)
suppressPackageStartupMessages(library(lavaan))
pd <- read.csv("../../../../Notebooks/data/PoliticalDemocracy.csv")
bollen <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + a*y2 + b*y3 + c*y4
  dem65 =~ y5 + a*y6 + b*y7 + c*y8
  dem60 ~ g1*ind60
  dem65 ~ g2*ind60 + g3*dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
  indirect := g1*g3
  total := g2 + g1*g3
'
writeLines(bollen, "bollen.model.txt")
fit <- sem(bollen, data = pd)
pe <- parameterEstimates(fit, standardized = TRUE)
write.csv(pe[, c("lhs","op","rhs","label","est","se","std.all")], "bollen.estimates.csv", row.names = FALSE)
fm <- fitMeasures(fit, c("npar","chisq","df","pvalue","cfi","tli","rmsea","rmsea.ci.lower","rmsea.ci.upper","srmr","aic","bic"))
write.csv(data.frame(measure = names(fm), value = as.numeric(fm)), "bollen.fit.csv", row.names = FALSE)
r2 <- inspect(fit, "r2")
write.csv(data.frame(variable = names(r2), r2 = as.numeric(r2)), "bollen.r2.csv", row.names = FALSE)
