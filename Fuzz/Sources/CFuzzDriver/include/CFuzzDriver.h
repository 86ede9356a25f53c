// libFuzzer's driver, called from each target's Swift entry point (see Sources/FuzzCSV/FuzzCSV.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

// LeakSanitizer: allocations made between these calls are never reported (the targets' state made
// once before fuzzing, which Swift may reference through tagged pointers LeakSanitizer cannot follow).
void __lsan_disable(void);
void __lsan_enable(void);
