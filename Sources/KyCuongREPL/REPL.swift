import KyCuong
