# own/43: own/32's document as ConvertTo-Json -Compress writes it (one line,
# made from own/32 with Python's json module): the same endpoints as own/32
args: list --from own/43-pwsh-json-compress-2019.txt
exit: 0
--- stdout
PROTO  LOCAL     PORT  STATE   PID   PROCESS  SERVICES  KB            CONF    EXPOSURE  NOTE
tcp6   [::]       135  listen  1012  -        -         rpceptmapper  medium  all
tcp6   [::]       445  listen  4     -        -         lanmanserver  medium  all
tcp6   [::]      3389  listen  1108  -        -         termservice   medium  all
tcp    0.0.0.0    135  listen  1012  -        -         rpceptmapper  medium  all
tcp    0.0.0.0    445  listen  4     -        -         lanmanserver  medium  all
tcp    0.0.0.0   3389  listen  1108  -        -         termservice   medium  all
tcp    0.0.0.0   8530  listen  4     -        -         -             none    all
tcp    10.1.0.5   139  listen  4     -        -         netbt         medium  address
--- stderr
