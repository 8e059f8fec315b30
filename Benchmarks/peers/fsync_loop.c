/* The peer of "500 piped answers, each fsync'd": what the durability promise costs at the least.
 *
 *   fsync_loop PATH [COUNT [BYTES]]   appends COUNT (500) records of BYTES (300) to PATH, fsync after each
 *
 * The file is opened once with O_APPEND (as an append-only log would be kept open); each record is one
 * write(2) followed by fsync(2). Built by Benchmarks/run.py with `cc -O2`. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH [COUNT [BYTES]]\n", argv[0]);
    return 2;
  }
  long count = argc > 2 ? strtol(argv[2], NULL, 10) : 500;
  long bytes = argc > 3 ? strtol(argv[3], NULL, 10) : 300;
  if (count < 0 || bytes < 1 || bytes > 1 << 20) return 2;
  char *record = malloc((size_t)bytes);
  if (record == NULL) return 1;
  memset(record, 'x', (size_t)bytes - 1);
  record[bytes - 1] = '\n';
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    perror(argv[1]);
    return 1;
  }
  for (long i = 0; i < count; i++) {
    if (write(fd, record, (size_t)bytes) != bytes || fsync(fd) != 0) {
      perror("write/fsync");
      return 1;
    }
  }
  if (close(fd) != 0) {
    perror("close");
    return 1;
  }
  free(record);
  return 0;
}
