# a saved plan shown again as text
args: plan --plan plans/wine-emit.json
exit: 0
--- stdout
Plan for windows-xp (--os), from file:wine-test
0 endpoints open now; 4 steps (2 with a reboot); 0 open after the last step.

Step 1 [services] Stop the print spooler and two test services
  action  service Spooler: stopped, disabled
  action  service NetminIdle: disabled
  action  service NetminAbsent: disabled
  reboot  no; prediction confidence none
  after:
    (nothing open)

Step 2 [netbios-smb] NetBIOS over TCP/IP and SMB off
  action  netbios : 
  action  registry :  (reboot)
  reboot  yes; prediction confidence none
  after:
    (nothing open)

Step 3 [rpc-dcom] RPC to loopback, DCOM without TCP
  action  registry : 
  action  registry : 
  action  registry : 
  reboot  yes; prediction confidence none
  after:
    (nothing open)

Step 4 [residue] Residue
  action  registry : 
  action  registry : 
  reboot  no; prediction confidence none
  after:
    (nothing open)
--- stderr
