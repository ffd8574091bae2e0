# cmake -DQBMC=<binary> -DOUTPUT=<file> [-DEMULATOR=<qemu-user>] -P DefaultConfig.cmake
# The packaged /etc/qbmc/qbmc.yaml: every key at its default, commented out, from the binary's own
# schema (qbmc --print-config), so the file never falls behind the program. A cross-built qbmc
# runs under the EMULATOR the toolchain names.
execute_process(
    COMMAND ${EMULATOR} ${QBMC} --print-config --config /dev/null --state-dir /nonexistent
    OUTPUT_VARIABLE defaults
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "qbmc --print-config failed: ${result}")
endif()
string(REGEX REPLACE "^# qbmc: effective configuration[^\n]*\n" "" defaults "${defaults}")
string(REGEX REPLACE "  # default\n" "\n" defaults "${defaults}")
string(REGEX REPLACE "\n([^\n])" "\n# \\1" defaults "\n${defaults}")
file(WRITE ${OUTPUT} "# qbmc configuration. Every key is optional; the lines below are the defaults, commented out:
# uncomment and change what this BMC needs. Each key is explained in
# /usr/share/doc/qbmc/docs/configuration.md; `qbmc --print-config` shows the values in effect and
# where each came from. Files in /etc/qbmc/qbmc.d/*.yaml are read after this one. After a change,
# `systemctl reload qbmc` applies log.rules and ipmi.auth.file; everything else takes
# `systemctl restart qbmc`.
${defaults}")
