print("kycuong")
