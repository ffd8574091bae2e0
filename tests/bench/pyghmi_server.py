#!/usr/bin/python3
"""pyghmi's BMC server (the core of PiKVM's kvmd-ipmi and of VirtualBMC) as a benchmark peer:
it answers Get Chassis Status from a power state kept in memory.

    pyghmi_server.py PORT USER PASSWORD
"""
import sys

import pyghmi.ipmi.bmc as bmc


class BenchBmc(bmc.Bmc):
    def get_power_state(self):
        return "off"


if __name__ == "__main__":
    port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    BenchBmc({user: password}, port=port).listen()
