module panduanjf/server

go 1.19
